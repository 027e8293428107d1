"""Reference data files (YAML): maturity model, AI Act, GDPR, ISO/IEC 42001, NIST AI RMF, risks."""
