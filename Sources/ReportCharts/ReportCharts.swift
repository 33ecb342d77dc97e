// Placeholder replaced by the chart module's first type.
