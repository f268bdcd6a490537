"""Issues of a digest: the records, the attribution line, rendering in the house format."""
