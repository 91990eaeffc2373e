//! Cycles of by-value containment (a struct holding itself, directly or through
//! other structs, unions and aliases) would make an infinitely large type: a field
//! pointing inside its own strongly connected component is boxed. Containers
//! (`Vec`, maps) already hold their items on the heap and are no edges.

use crate::ir::{TypeDef, TypeId, TypeKind, TypeRef};

/// Direct (by-value) successors of a type.
fn edges(t: &TypeDef) -> Vec<TypeId> {
    match &t.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter_map(|f| match f.ty {
                TypeRef::Named(id) => Some(id),
                _ => None,
            })
            .collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| v.ty).collect(),
        TypeKind::Alias(TypeRef::Named(id)) => vec![*id],
        _ => Vec::new(),
    }
}

/// Fields pointing inside their own strongly connected component get boxed.
pub(super) fn box_cycles(types: &mut [TypeDef]) {
    let succ: Vec<Vec<usize>> = types
        .iter()
        .map(|t| edges(t).into_iter().map(|id| id.0).collect())
        .collect();
    let comp = components(&succ);
    for (i, t) in types.iter_mut().enumerate() {
        if let TypeKind::Struct(s) = &mut t.kind {
            for f in &mut s.fields {
                if let TypeRef::Named(id) = f.ty {
                    if comp.get(id.0) == comp.get(i) {
                        f.boxed = true;
                    }
                }
            }
        }
    }
}

/// Tarjan's state of one node.
#[derive(Clone)]
struct TarjanNode {
    /// Visit order (`usize::MAX`: not visited yet).
    index: usize,
    low: usize,
    on_stack: bool,
    /// Component number (`usize::MAX`: none yet).
    comp: usize,
}

/// Tarjan's strongly connected components of the graph with these successor
/// lists: each node's component number. Successors out of range are ignored.
fn components(succ: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let mut nodes = vec![
        TarjanNode {
            index: UNSEEN,
            low: 0,
            on_stack: false,
            comp: usize::MAX,
        };
        succ.len()
    ];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut ncomp = 0;
    for start in 0..succ.len() {
        let Some(node) = nodes.get_mut(start) else {
            continue;
        };
        if node.index != UNSEEN {
            continue;
        }
        node.index = counter;
        node.low = counter;
        node.on_stack = true;
        counter += 1;
        stack.push(start);
        // Iterative DFS: (node, next successor position).
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if let Some(&w) = succ.get(v).and_then(|s| s.get(*pos)) {
                *pos += 1;
                let Some(wn) = nodes.get_mut(w) else {
                    continue;
                };
                if wn.index == UNSEEN {
                    wn.index = counter;
                    wn.low = counter;
                    wn.on_stack = true;
                    counter += 1;
                    stack.push(w);
                    work.push((w, 0));
                } else if wn.on_stack {
                    let w_index = wn.index;
                    if let Some(vn) = nodes.get_mut(v) {
                        vn.low = vn.low.min(w_index);
                    }
                }
            } else {
                work.pop();
                let Some((v_low, v_index)) = nodes.get(v).map(|n| (n.low, n.index)) else {
                    continue;
                };
                if let Some(&(parent, _)) = work.last() {
                    if let Some(pn) = nodes.get_mut(parent) {
                        pn.low = pn.low.min(v_low);
                    }
                }
                if v_low == v_index {
                    while let Some(w) = stack.pop() {
                        if let Some(wn) = nodes.get_mut(w) {
                            wn.on_stack = false;
                            wn.comp = ncomp;
                        }
                        if w == v {
                            break;
                        }
                    }
                    ncomp += 1;
                }
            }
        }
    }
    nodes.into_iter().map(|n| n.comp).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use super::components;
    use crate::lower::types::testing::lower;

    #[test]
    // Fields required, so that only the cycle can box them (`boxing` boxes optional models).
    fn self_and_mutual_containment_is_boxed() {
        let l = lower(json!({
            "Node": {
                "type": "object",
                "required": ["next"],
                "properties": {
                    "next": { "$ref": "#/definitions/Node" },
                    "children": { "type": "array", "items": { "$ref": "#/definitions/Node" } },
                    "byName": { "type": "object", "additionalProperties": { "$ref": "#/definitions/Node" } }
                }
            },
            "A": { "type": "object", "required": ["b"], "properties": { "b": { "$ref": "#/definitions/B" } } },
            "B": { "type": "object", "required": ["a"], "properties": { "a": { "$ref": "#/definitions/A" } } },
            "Holder": { "type": "object", "required": ["a"], "properties": { "a": { "$ref": "#/definitions/A" } } }
        }));
        let boxed = |t: &str, f: &str| l.field(t, f).boxed;
        assert!(boxed("Node", "next"));
        // Containers hold their items on the heap already.
        assert!(!boxed("Node", "children"));
        assert!(!boxed("Node", "byName"));
        assert!(boxed("A", "b"));
        assert!(boxed("B", "a"));
        // Pointing into a cycle is no cycle.
        assert!(!boxed("Holder", "a"));
    }

    #[test]
    fn containment_through_a_union_and_an_alias_is_boxed() {
        let l = lower(json!({
            "Shape": {
                "type": "object",
                "discriminator": "kind",
                "properties": { "kind": { "type": "string" } },
                "required": ["kind"]
            },
            "Group": {
                "allOf": [{ "$ref": "#/definitions/Shape" }],
                "required": ["first", "label"],
                "properties": {
                    "first": { "$ref": "#/definitions/Shape" },
                    "label": { "$ref": "#/definitions/Label" }
                }
            },
            "Label": { "$ref": "#/definitions/Text" },
            "Text": { "type": "object", "required": ["group"], "properties": { "group": { "$ref": "#/definitions/Group" } } }
        }));
        // Group → Shape (a union with Group as a variant) → Group.
        assert!(l.field("Group", "first").boxed);
        // Group → Label (an alias of Text) → Text → Group.
        assert!(l.field("Group", "label").boxed);
        assert!(l.field("Text", "group").boxed);
    }

    #[test]
    fn strongly_connected_components() {
        // 0 → 1 → 2 → 0 is a cycle, 3 → 3 a self-loop, 4 → 0 and 5 (out of range) none.
        let comp = components(&[vec![1], vec![2], vec![0], vec![3], vec![0, 5]]);
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[0], comp[3]);
        assert_ne!(comp[0], comp[4]);
        assert_ne!(comp[3], comp[4]);
        assert!(comp.iter().all(|&c| c != usize::MAX));
        assert!(components(&[]).is_empty());
    }
}
