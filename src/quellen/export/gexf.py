"""GEXF 1.3 export for Gephi: people and organizations as nodes, correspondence
(author -> addressee, directed) and co-occurrence (same document, undirected) as
weighted edges with a ``kind`` attribute."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from .._version import __version__
from .shape import load_corpus, network

__all__ = ["to_tree", "write"]

GEXF_NS = "http://gexf.net/1.3"


def to_tree(store) -> etree._ElementTree:
    """Return the GEXF graph of ``store`` as an lxml tree."""
    graph_data = network(load_corpus(store))
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS}, version="1.3")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = f"quellen {__version__}"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = "correspondence and co-occurrence"
    graph = etree.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="undirected", mode="static")
    node_attrs = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    etree.SubElement(node_attrs, f"{{{GEXF_NS}}}attribute", id="type", title="type", type="string")
    etree.SubElement(node_attrs, f"{{{GEXF_NS}}}attribute", id="resolved", title="resolved", type="boolean")
    edge_attrs = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "edge"})
    etree.SubElement(edge_attrs, f"{{{GEXF_NS}}}attribute", id="kind", title="kind", type="string")
    nodes = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for n in graph_data["nodes"]:
        node = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", id=n["id"], label=n["label"])
        values = etree.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        etree.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": "type", "value": n["type"]})
        etree.SubElement(values, f"{{{GEXF_NS}}}attvalue",
                         {"for": "resolved", "value": "true" if n["entity"] else "false"})
    edges = etree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for i, e in enumerate(graph_data["edges"]):
        edge = etree.SubElement(edges, f"{{{GEXF_NS}}}edge", id=str(i), source=e["source"], target=e["target"],
                                weight=str(float(e["weight"])),
                                type="directed" if e["directed"] else "undirected", label=e["kind"])
        values = etree.SubElement(edge, f"{{{GEXF_NS}}}attvalues")
        etree.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": "kind", "value": e["kind"]})
    return etree.ElementTree(root)


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the GEXF file to it."""
    from ._io import write_atomic, xml_bytes
    return write_atomic(output, xml_bytes(to_tree(store)))
