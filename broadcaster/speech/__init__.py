"""Speech: the Vietnamese normalizer and the TTS engines."""
