"""Diagnosis widgets beyond registers: rating the maturity dimensions with their level descriptors."""
