"""Same-story clustering: character shingles, a MinHash LSH index, a finer same-story
decision and the choice of each cluster's lead article."""
