"""LangChain adapters, so the retriever and the index compose with LangChain chains.

    from assistant.langchain import as_retriever, as_vectorstore
    retriever = as_retriever(assistant, k=5)
    retriever.invoke("Who was Marta Kowal?")  # -> list[langchain_core.documents.Document]

LangChain is imported only here, so the rest of the product starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_core.retrievers import BaseRetriever

    from assistant.core import Assistant
    from index.embedding import Embedder
    from index.store import IndexBuild


def as_retriever(assistant: Assistant, k: int = 5) -> BaseRetriever:
    """The hybrid retriever (dense + BM25, fused, re-scored by sentence) as a
    `BaseRetriever`. Each Document's metadata carries source, offsets and the best sentence."""
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever

    class HybridLangChainRetriever(BaseRetriever):
        assistant: Any
        k: int = 5

        def _get_relevant_documents(
            self, query: str, *, run_manager: CallbackManagerForRetrieverRun
        ) -> list[Document]:
            from assistant.core import detect_language

            # Ranked as `Assistant.ask` ranks them, by the question's language.
            language = detect_language(query, self.assistant.languages)
            retrieval = self.assistant.retriever.retrieve(query, self.k, language=language)
            build = self.assistant.build
            documents = []
            for ranked in retrieval.passages:
                chunk = build.chunks[ranked.chunk_row]
                source = build.document(chunk.document_id)
                _, best = build.sentence(ranked.best_sentence)
                documents.append(Document(
                    id=chunk.id,
                    page_content=chunk.text,
                    metadata={"source": source.source if source else "",
                              "title": source.title if source else "",
                              "language": source.language if source else "",
                              "start": chunk.start, "end": chunk.end,
                              "score": ranked.score, "best_sentence": best.text,
                              "best_sentence_start": best.start,
                              "best_sentence_end": best.end},
                ))
            return documents

    return HybridLangChainRetriever(assistant=assistant, k=k)


def as_embeddings(embedder: Embedder) -> Embeddings:
    """Our embedder behind LangChain's `Embeddings` interface."""
    from langchain_core.embeddings import Embeddings

    class EmbedderEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return [list(map(float, row)) for row in embedder.embed_documents(texts)]

        def embed_query(self, text: str) -> list[float]:
            return list(map(float, embedder.embed_query(text)))

    return EmbedderEmbeddings()


def as_vectorstore(build: IndexBuild, embedder: Embedder) -> Chroma:
    """The build's chunk collection as a LangChain `Chroma` vector store (read it; a build is
    never modified once complete)."""
    from langchain_chroma import Chroma

    from index.store import CHUNKS, collection_name

    build.check_embedder(embedder)
    return Chroma(
        client=_client_of(build),
        collection_name=collection_name(build.build_id, CHUNKS, build.chroma_url),
        embedding_function=as_embeddings(embedder),
    )


def _client_of(build: IndexBuild) -> Any:
    from index.store import chroma_client

    return chroma_client(build.root / "chroma", build.chroma_url)
