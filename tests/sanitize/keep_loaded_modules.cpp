// Linked into zhili and zhili-view in sanitizer builds only (ZHILI_SANITIZE
// with address; docs/ARCHITECTURE.md, "Checked builds").
//
// Open MPI 4.1 unloads its components (mca_*.so) at MPI_Finalize, and Mesa
// its GL driver when the viewer's window closes. LeakSanitizer reports at
// exit, after that: an allocation those modules kept is then "allocated from
// <unknown module>", one frame deep, and no suppression can name it (Open MPI
// 4.1 has no switch to keep its components; a slow unwinder that would reach
// a named caller deadlocks in the loader). Defined in the executable, this
// dlclose takes the place of libc's for every library, so modules stay
// mapped to the end and their leaks are matched by tests/sanitize/lsan.supp.
// Our own code never relies on a module being unloaded.
extern "C" int dlclose(void* /*handle*/) { return 0; }
