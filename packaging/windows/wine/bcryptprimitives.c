/* Test support for Wine 8 only (never shipped): Rust's std (>= 1.78) asks
 * bcryptprimitives.dll for ProcessPrng, which Wine 8.0 lacks, so every Rust program dies at
 * start (exit 53). This one-function DLL answers with advapi32's RtlGenRandom
 * (SystemFunction036), which Wine has. Real Windows 10/11 ships bcryptprimitives.dll. */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    static RtlGenRandomFn gen = NULL;
    if (!gen) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi)
            return FALSE;
        gen = (RtlGenRandomFn)GetProcAddress(advapi, "SystemFunction036");
        if (!gen)
            return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!gen(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
