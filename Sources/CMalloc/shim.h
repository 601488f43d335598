/* mallopt(M_ARENA_MAX, …): the memory budget caps glibc's per-thread malloc arenas (Limits/MallocArenas.swift). */
#include <malloc.h>
