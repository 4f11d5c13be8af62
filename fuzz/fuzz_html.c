/* fuzz_html.c — libFuzzer entry point for gwr_fuzz_html (see fuzz_targets.c). */
#include "fuzz_targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return gwr_fuzz_html(data, size);
}
