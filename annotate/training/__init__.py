"""Training the attribution component: data conversion, the config, the run, evaluation."""
