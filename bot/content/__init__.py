"""Content as staff keep it: the files of `content/`, their checks, and their export and import."""
