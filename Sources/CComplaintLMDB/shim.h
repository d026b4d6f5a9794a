#ifndef C_COMPLAINT_LMDB_SHIM_H
#define C_COMPLAINT_LMDB_SHIM_H
#include <lmdb.h>
#endif
