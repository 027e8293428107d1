"""Evidence files on a register row's detail form (issue 18)."""
