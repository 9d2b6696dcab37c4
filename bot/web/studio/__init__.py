"""The studio: where editors keep the answers true, translate them and publish them."""
