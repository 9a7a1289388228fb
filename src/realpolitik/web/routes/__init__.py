"""One module per page; each defines the HTML route and its ``/api`` JSON twin."""
