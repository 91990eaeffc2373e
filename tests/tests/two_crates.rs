//! One program, two generated crates (`acr_mgmt` and `acr_tasks_mgmt`): both build on
//! the one runtime crate, so its types are the same types in both. A `Limits` made for
//! one client configures the other, and a `Secret` from one crate is a `Secret` of the
//! other. Before the runtime was a crate, each generated crate had its own copy of
//! these types and this file did not compile (E0308: mismatched types).

use std::time::Duration;

use acr_mgmt::runtime::Secret;
use acr_mgmt::Limits;

/// Whether `T` is the very type `U`.
fn same_type<T: 'static, U: 'static>() -> bool {
    std::any::TypeId::of::<T>() == std::any::TypeId::of::<U>()
}

#[test]
fn one_limits_value_configures_both_clients() {
    let limits = Limits {
        max_poll_duration: Duration::from_secs(120),
        ..Limits::default()
    };
    let registries = acr_mgmt::ContainerRegistryClientOptions {
        limits: limits.clone(),
        ..Default::default()
    };
    let tasks = acr_tasks_mgmt::ContainerRegistryTasksClientOptions {
        limits,
        ..Default::default()
    };
    assert_eq!(
        registries.limits.max_poll_duration,
        tasks.limits.max_poll_duration
    );
}

#[test]
fn the_runtimes_types_are_shared() {
    let password: Secret<String> = Secret::new("s3cr3t".to_string());
    let same: acr_tasks_mgmt::runtime::Secret<String> = password;
    assert_eq!(same.expose(), "s3cr3t");
    assert!(same_type::<
        acr_mgmt::runtime::http::LroPoller<()>,
        acr_tasks_mgmt::runtime::http::LroPoller<()>,
    >());
    // The crate root re-exports what a program uses of the runtime.
    assert!(same_type::<
        acr_mgmt::LroPoller<()>,
        acr_mgmt::runtime::http::LroPoller<()>,
    >());
    assert!(same_type::<
        acr_mgmt::InvalidArgument,
        acr_tasks_mgmt::InvalidArgument,
    >());
    assert!(same_type::<
        acr_mgmt::Timeout,
        acr_tasks_mgmt::runtime::http::Timeout,
    >());
}
