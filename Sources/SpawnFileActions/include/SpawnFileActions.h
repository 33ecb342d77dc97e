#include <spawn.h>

// Adds an action that closes every descriptor from `lowest` up in the child, when it is spawned:
// glibc's posix_spawn_file_actions_addclosefrom_np (2.34), a GNU extension Swift's Glibc module
// does not import.
int spawn_file_actions_add_close_from(posix_spawn_file_actions_t *actions, int lowest);
