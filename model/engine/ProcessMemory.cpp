#include "engine/ProcessMemory.h"

#include <cstdlib> // defines __GLIBC__ with glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace skyline {

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    // Fixed thresholds also stop glibc from raising them on its own as blocks come and go,
    // which is what moved a long-running process into trimming after every evaluation.
    constexpr int keptBytes = 256 << 20;
    constexpr int ownMappingBytes = 32 << 20; // blocks from this size up get their own mapping
    mallopt(M_TRIM_THRESHOLD, keptBytes);
    mallopt(M_MMAP_THRESHOLD, ownMappingBytes);
#endif
}

} // namespace skyline
