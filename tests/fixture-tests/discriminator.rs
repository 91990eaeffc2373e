//! A discriminated hierarchy: one enum, internally tagged, with a fallback for unknown kinds.

use fixture_discriminator::models::{DockerBuildStep, TaskProperties, TaskStepProperties};
use serde_json::json;

#[test]
fn known_kinds_round_trip() {
    let wire = json!({
        "step": {
            "type": "Docker",
            "contextPath": ".",
            "dockerFilePath": "Dockerfile",
            "imageNames": ["app:v1"]
        },
        "fallbackSteps": [
            { "type": "EncodedTask", "encodedTaskContent": "c3RlcHM6IFtd" },
            { "type": "FileTaskStep", "taskFilePath": "acb.yaml" }
        ]
    });
    let task: TaskProperties = serde_json::from_value(wire.clone()).unwrap();
    match &task.step {
        Some(TaskStepProperties::DockerBuildStep(step)) => {
            assert_eq!(step.docker_file_path.as_deref(), Some("Dockerfile"));
            assert_eq!(step.context_path.as_deref(), Some("."));
        }
        other => panic!("expected a Docker step, got {other:?}"),
    }
    match task.fallback_steps.as_deref() {
        Some(
            [TaskStepProperties::EncodedTaskStep(encoded), TaskStepProperties::FileTaskStep(file)],
        ) => {
            assert_eq!(
                encoded.encoded_task_content.as_deref(),
                Some("c3RlcHM6IFtd")
            );
            assert_eq!(file.task_file_path.as_deref(), Some("acb.yaml"));
        }
        other => panic!("unexpected fallback steps {other:?}"),
    }
    assert_eq!(serde_json::to_value(&task).unwrap(), wire);
}

#[test]
fn a_constructed_variant_writes_its_tag() {
    let step = TaskStepProperties::DockerBuildStep(DockerBuildStep::new("Dockerfile"));
    assert_eq!(
        serde_json::to_value(&step).unwrap(),
        json!({ "type": "Docker", "dockerFilePath": "Dockerfile" })
    );
    let task = TaskProperties::new(step.clone());
    let back: TaskProperties =
        serde_json::from_value(serde_json::to_value(&task).unwrap()).unwrap();
    assert_eq!(back.step, Some(step));
}

#[test]
fn an_unknown_kind_is_kept_as_sent() {
    let wire = json!({ "type": "Buildpack", "builder": "paketo", "contextPath": "." });
    let step: TaskStepProperties = serde_json::from_value(wire.clone()).unwrap();
    match &step {
        TaskStepProperties::UnknownValue(fields) => {
            assert_eq!(fields["type"], "Buildpack");
            assert_eq!(fields["builder"], "paketo");
        }
        other => panic!("expected the fallback, got {other:?}"),
    }
    assert_eq!(serde_json::to_value(&step).unwrap(), wire);
}

#[test]
fn a_known_kind_that_does_not_fit_is_an_error() {
    // Only unknown kinds land in the fallback; a Docker step whose `dockerFilePath` is
    // not a string is not silently "unknown".
    let err = serde_json::from_value::<TaskStepProperties>(
        json!({ "type": "Docker", "dockerFilePath": 5 }),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("TaskStepProperties `Docker`: invalid type"),
        "{err}"
    );
    // A Docker step without its required `dockerFilePath` still reads (as `None`).
    let step: TaskStepProperties = serde_json::from_value(json!({ "type": "Docker" })).unwrap();
    assert!(matches!(step, TaskStepProperties::DockerBuildStep(s) if s.docker_file_path.is_none()));
    let err = serde_json::from_value::<TaskProperties>(
        json!({ "step": { "type": "FileTaskStep", "taskFilePath": 5 } }),
    )
    .unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}

#[test]
fn a_missing_tag_is_unknown_and_a_non_object_is_an_error() {
    let step: TaskStepProperties = serde_json::from_value(json!({ "contextPath": "." })).unwrap();
    assert!(matches!(step, TaskStepProperties::UnknownValue(_)));
    assert!(serde_json::from_value::<TaskStepProperties>(json!("Docker")).is_err());
}
