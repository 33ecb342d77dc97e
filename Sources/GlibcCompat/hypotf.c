// A Swift handler is packaged for Lambda with the Swift standard library linked statically, so the
// only shared library it needs is the system's glibc. Amazon Linux 2023 has glibc 2.34, and the
// static standard library built here calls `hypotf`, whose default symbol version became
// GLIBC_2.35 (a faster implementation) — the one symbol that kept packaged handlers from starting
// there. Defining `hypotf` in the executable binds those calls to the version every glibc has.
#if defined(__x86_64__)
__asm__(".symver hypotf_baseline, hypotf@GLIBC_2.2.5");
#elif defined(__aarch64__)
__asm__(".symver hypotf_baseline, hypotf@GLIBC_2.17");
#endif

#if defined(__x86_64__) || defined(__aarch64__)
#include "GlibcCompat.h"

float hypotf_baseline(float x, float y);

float hypotf(float x, float y) {
    return hypotf_baseline(x, y);
}
#endif
