"""Vietnamese language knowledge: reading numbers both ways, abbreviation and unit tables, the normalizer."""
