// libFuzzer's driver entry point, declared for Swift. Only the fuzz build (-sanitize=fuzzer) calls it, and there
// libclang_rt.fuzzer defines it; a normal build never references the symbol.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
