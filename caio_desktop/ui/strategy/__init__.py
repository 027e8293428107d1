"""Strategy widgets that are more than a register: the vendor / tool selection matrix."""
