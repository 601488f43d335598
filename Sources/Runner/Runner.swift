// Runner module.
