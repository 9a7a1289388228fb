"""Reading documents from files and streams, and cleaning their text."""

from realpolitik.ingest.clean import clean_text
from realpolitik.ingest.dates import find_document_date
from realpolitik.ingest.language import detect_language
from realpolitik.ingest.readers import read_documents, read_file, read_stream

__all__ = [
    "clean_text",
    "detect_language",
    "find_document_date",
    "read_documents",
    "read_file",
    "read_stream",
]
