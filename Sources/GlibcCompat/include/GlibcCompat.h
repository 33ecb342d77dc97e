// Linked into every Swift handler: see hypotf.c. Nothing to call.
float hypotf(float x, float y);
