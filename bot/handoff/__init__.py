"""The caseworkers' queue: requests, claims and leases, lifecycle, statistics and the audit."""
