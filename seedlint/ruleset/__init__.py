"""Rule packs and configuration: loading, validating, explaining."""
