/* fuzz_targets.h — one function per fuzz target; each takes any bytes and
 * aborts only when the core breaks one of its invariants. */
#ifndef GWR_FUZZ_TARGETS_H
#define GWR_FUZZ_TARGETS_H
#include <stddef.h>
#include <stdint.h>

int gwr_fuzz_load(const uint8_t *data, size_t size);      /* load + outline */
int gwr_fuzz_facts(const uint8_t *data, size_t size);     /* load + outline + figures + writers */
int gwr_fuzz_quantity(const uint8_t *data, size_t size);  /* quantity parser + decimals */
int gwr_fuzz_compare(const uint8_t *data, size_t size);   /* up to 4 reports split by \f, compared */
int gwr_fuzz_html(const uint8_t *data, size_t size);      /* web page reader, then the loader */
int gwr_fuzz_docx(const uint8_t *data, size_t size);      /* .docx reader (zip + XML), then the loader */
int gwr_fuzz_pdf(const uint8_t *data, size_t size);       /* page-text step of the PDF reader (pdftotext output) */

#endif
