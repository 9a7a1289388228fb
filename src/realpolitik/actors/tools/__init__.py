"""One-off generators that document where the package data came from."""
