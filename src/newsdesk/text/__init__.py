"""Chinese text handling shared by every stage: decoding, normalization."""
