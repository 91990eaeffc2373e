//! Recursive definitions: boxed where containment is by value, plain through Vec and maps.

use fixture_recursion::models::{
    AndExpression, Expression, LiteralExpression, NotExpression, TreeNode, A, B,
};
use serde_json::json;

#[test]
fn a_self_recursive_tree_round_trips() {
    let mut root = TreeNode::new("root");
    let mut child = TreeNode::new("child");
    child.parent = Some(Box::new(TreeNode::new("root")));
    root.children = Some(vec![child.clone()]);
    root.by_name = Some([("child".to_string(), child)].into_iter().collect());
    let wire = serde_json::to_value(&root).unwrap();
    assert_eq!(
        wire,
        json!({
            "name": "root",
            "children": [{ "name": "child", "parent": { "name": "root" } }],
            "byName": { "child": { "name": "child", "parent": { "name": "root" } } }
        })
    );
    let back: TreeNode = serde_json::from_value(wire).unwrap();
    assert_eq!(back, root);
}

#[test]
fn mutual_recursion_is_boxed() {
    let b = B::new(Box::new(A {
        b: Some(Box::new(B::new(Box::default()))),
    }));
    let wire = serde_json::to_value(&b).unwrap();
    assert_eq!(wire, json!({ "a": { "b": { "a": {} } } }));
    assert_eq!(serde_json::from_value::<B>(wire).unwrap(), b);
}

#[test]
fn recursion_through_a_discriminated_union() {
    let expr = Expression::NotExpression(NotExpression::new(Box::new(Expression::AndExpression(
        AndExpression::new(vec![
            Expression::LiteralExpression(LiteralExpression::new(true)),
            Expression::NotExpression(NotExpression::new(Box::new(Expression::LiteralExpression(
                LiteralExpression::new(false),
            )))),
        ]),
    ))));
    let wire = serde_json::to_value(&expr).unwrap();
    assert_eq!(
        wire,
        json!({
            "kind": "Not",
            "operand": {
                "kind": "And",
                "operands": [
                    { "kind": "Literal", "value": true },
                    { "kind": "Not", "operand": { "kind": "Literal", "value": false } }
                ]
            }
        })
    );
    assert_eq!(serde_json::from_value::<Expression>(wire).unwrap(), expr);
}
