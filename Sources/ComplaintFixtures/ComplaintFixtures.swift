// Scenario fixtures (see Specs/fixture-format.md): placeholder until the runner lands.
