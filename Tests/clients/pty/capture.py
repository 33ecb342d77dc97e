"""Runs a command on a pseudo-terminal of 100x30, as a user's terminal would, until it has moved
the cursor up `redraws` times (each in-place redraw of a one-line block does; at most 60 s), then
sends it SIGINT, keeps reading until it exits, and writes everything it printed to `output`.
Exits with the command's exit status.

usage: capture.py <redraws> <output> <command> [arguments...]
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

redraws, output, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid, master = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"  # as a terminal emulator sets it
    os.execv(command[0], command)
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
captured = bytearray()
deadline = time.monotonic() + 60
interrupted = False
while True:
    if not interrupted and (captured.count(b"\x1b[1A") >= redraws or time.monotonic() > deadline):
        os.kill(pid, signal.SIGINT)
        interrupted = True
    ready, _, _ = select.select([master], [], [], 0.1)
    if not ready:
        continue
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    captured += chunk
_, status = os.waitpid(pid, 0)
with open(output, "wb") as file:
    file.write(captured)
sys.exit(os.waitstatus_to_exitcode(status))
