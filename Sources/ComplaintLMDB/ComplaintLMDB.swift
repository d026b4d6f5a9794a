/// Thin, safe Swift layer over LMDB.
public enum ComplaintLMDBModule {}
