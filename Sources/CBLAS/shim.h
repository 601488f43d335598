#include <cblas.h>
/* mallopt(M_ARENA_MAX, …): the engine caps glibc's per-thread malloc arenas (LibraryReserve.swift). */
#include <malloc.h>
