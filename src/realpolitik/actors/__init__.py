"""Finding and coding actors: who acts and who is acted upon.

The knowledge base is data (``actors/data/``); the coder finds mentions on a
parsed spaCy ``Doc``, codes them from how the text introduces them (country and
role), and resolves later references within the document.
"""

from realpolitik.actors.coder import ActorCoder, Mention
from realpolitik.actors.knowledge import KnowledgeBase, load_knowledge_base

__all__ = ["ActorCoder", "KnowledgeBase", "Mention", "load_knowledge_base"]
