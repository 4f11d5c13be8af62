/* fuzz_load.c — libFuzzer entry point for gwr_fuzz_load (see fuzz_targets.c). */
#include "fuzz_targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return gwr_fuzz_load(data, size);
}
