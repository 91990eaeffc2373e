//! The smaller model specs: model-flattening.json, additionalProperties.json,
//! any-type.json, object-type.json, extensible-enums-swagger.json,
//! non-string-enum.json, constants.json and reserved-words.json.

mod common;

/// model-flattening.json. `x-ms-client-flatten` is not applied by the generator: the
/// models keep the nested `properties` / `details` objects, which is what the wire has.
mod model_flattening {
    use super::common::{server, TestResult};
    use conf_model_flattening::models::{
        FlattenedProduct, FlattenedProductProperties,
        FlattenedProductPropertiesProvisioningStateValues as ProvisioningState, ProductUrl,
        Resource, ResourceCollection, SimpleProduct, SimpleProductProperties,
        SimpleProductPropertiesMaxProductCapacity as Capacity,
    };
    use conf_model_flattening::{
        clients::{
            PostFlattenedSimpleProductOptions, PutArrayOptions, PutDictionaryOptions,
            PutResourceCollectionOptions, PutSimpleProductOptions,
            PutSimpleProductWithGroupingOptions,
        },
        AutoRestResourceFlatteningTestServiceClient as Client,
    };
    use std::collections::BTreeMap;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    fn s(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn tags() -> Option<BTreeMap<String, String>> {
        Some(BTreeMap::from([
            ("tag1".to_string(), "value1".to_string()),
            ("tag2".to_string(), "value3".to_string()),
        ]))
    }

    /// The full resource the service sends first in each collection.
    fn full(id: &str, name: &str, p_name: &str) -> FlattenedProduct {
        FlattenedProduct {
            id: s(id),
            location: s("Building 44"),
            name: s(name),
            properties: Some(Box::new(FlattenedProductProperties {
                provisioning_state: s("Succeeded"),
                provisioning_state_values: Some(ProvisioningState::Ok),
                p_name: s(p_name),
                type_: s("Flat"),
            })),
            tags: tags(),
            type_: s("Microsoft.Web/sites"),
        }
    }

    fn short(id: &str, name: &str, location: Option<&str>) -> FlattenedProduct {
        FlattenedProduct {
            id: s(id),
            name: s(name),
            location: location.map(str::to_string),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn get_model_flatten_array() -> TestResult {
        let value = client().get_array(None).await?.into_model()?;
        assert_eq!(
            value,
            vec![
                full("1", "Resource1", "Product1"),
                short("2", "Resource2", Some("Building 44")),
                short("3", "Resource3", None),
            ]
        );
        Ok(())
    }

    #[tokio::test]
    async fn put_model_flatten_array() -> TestResult {
        let resources = [
            Resource {
                location: s("West US"),
                tags: tags(),
                ..Default::default()
            },
            Resource {
                location: s("Building 44"),
                ..Default::default()
            },
        ];
        let options = PutArrayOptions {
            resource_array: Some(&resources),
            ..Default::default()
        };
        client().put_array(Some(options)).await?;
        Ok(())
    }

    #[tokio::test]
    async fn get_model_flatten_dictionary() -> TestResult {
        let value = client().get_dictionary(None).await?.into_model()?;
        assert_eq!(
            value,
            BTreeMap::from([
                ("Product1".to_string(), full("1", "Resource1", "Product1")),
                (
                    "Product2".to_string(),
                    short("2", "Resource2", Some("Building 44"))
                ),
                ("Product3".to_string(), short("3", "Resource3", None)),
            ])
        );
        Ok(())
    }

    /// A resource to put: a location, maybe tags, and the flattened `p.name` / `type`.
    fn to_put(location: &str, with_tags: bool, p_name: &str) -> FlattenedProduct {
        FlattenedProduct {
            location: s(location),
            tags: if with_tags { tags() } else { None },
            properties: Some(Box::new(FlattenedProductProperties {
                p_name: s(p_name),
                type_: s("Flat"),
                ..Default::default()
            })),
            ..Default::default()
        }
    }

    fn dictionary_to_put() -> BTreeMap<String, FlattenedProduct> {
        BTreeMap::from([
            ("Resource1".to_string(), to_put("West US", true, "Product1")),
            (
                "Resource2".to_string(),
                to_put("Building 44", false, "Product2"),
            ),
        ])
    }

    #[tokio::test]
    async fn put_model_flatten_dictionary() -> TestResult {
        let resources = dictionary_to_put();
        let options = PutDictionaryOptions {
            resource_dictionary: Some(&resources),
            ..Default::default()
        };
        client().put_dictionary(Some(options)).await?;
        Ok(())
    }

    #[tokio::test]
    async fn get_model_flatten_resource_collection() -> TestResult {
        let value = client().get_resource_collection(None).await?.into_model()?;
        assert_eq!(
            value,
            ResourceCollection {
                dictionaryofresources: Some(BTreeMap::from([
                    ("Product1".to_string(), full("1", "Resource1", "Product1")),
                    (
                        "Product2".to_string(),
                        short("2", "Resource2", Some("Building 44"))
                    ),
                    ("Product3".to_string(), short("3", "Resource3", None)),
                ])),
                arrayofresources: Some(vec![
                    full("4", "Resource4", "Product4"),
                    short("5", "Resource5", Some("Building 44")),
                    short("6", "Resource6", None),
                ]),
                productresource: Some(Box::new(short("7", "Resource7", Some("Building 44")))),
            }
        );
        Ok(())
    }

    #[tokio::test]
    async fn put_model_flatten_resource_collection() -> TestResult {
        let collection = ResourceCollection {
            arrayofresources: Some(vec![
                to_put("West US", true, "Product1"),
                to_put("East US", false, "Product2"),
            ]),
            dictionaryofresources: Some(dictionary_to_put()),
            productresource: Some(Box::new(to_put("India", false, "Azure"))),
        };
        let options = PutResourceCollectionOptions {
            resource_complex_object: Some(&collection),
            ..Default::default()
        };
        client().put_resource_collection(Some(options)).await?;
        Ok(())
    }

    fn simple_product(generic_value: Option<&str>) -> SimpleProduct {
        let mut details = SimpleProductProperties::new(Capacity::Large, "max name".to_string());
        details.max_product_image = Some(Box::new(ProductUrl {
            odata_value: s("http://foo"),
            generic_value: generic_value.map(str::to_string),
        }));
        let mut product = SimpleProduct::new("123".to_string());
        product.description = s("product description");
        product.details = Some(Box::new(details));
        product
    }

    #[tokio::test]
    async fn put_model_flatten_custom_base() -> TestResult {
        let product = simple_product(Some("https://generic"));
        let options = PutSimpleProductOptions {
            simple_body_product: Some(&product),
            ..Default::default()
        };
        let value = client()
            .put_simple_product(Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, product);
        Ok(())
    }

    #[tokio::test]
    async fn post_model_flatten_custom_parameter() -> TestResult {
        let product = simple_product(None);
        let options = PostFlattenedSimpleProductOptions {
            simple_body_product: Some(&product),
            ..Default::default()
        };
        let value = client()
            .post_flattened_simple_product(Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, product);
        Ok(())
    }

    #[tokio::test]
    async fn put_model_flatten_custom_grouped_parameter() -> TestResult {
        let product = simple_product(None);
        let options = PutSimpleProductWithGroupingOptions {
            simple_body_product: Some(&product),
            ..Default::default()
        };
        let value = client()
            .put_simple_product_with_grouping("groupproduct", Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, product);
        Ok(())
    }
}

/// additionalProperties.json.
mod additional_properties {
    use super::common::{server, TestResult};
    use conf_additionalproperties::models::{
        CatApTrue, PetApInProperties, PetApInPropertiesWithApString, PetApObject, PetApString,
        PetApTrue,
    };
    use conf_additionalproperties::AdditionalPropertiesClient as Client;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    fn s(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn object(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).expect("an object")
    }

    fn puppy_extras() -> BTreeMap<String, Value> {
        object(json!({
            "birthdate": "2017-12-13T02:29:51Z",
            "complexProperty": { "color": "Red" },
        }))
    }

    #[tokio::test]
    async fn additional_properties_true() -> TestResult {
        let mut pet = PetApTrue::new(1);
        pet.name = s("Puppy");
        pet.additional_properties = puppy_extras();
        let value = client()
            .pets_client()
            .create_ap_true(&pet, None)
            .await?
            .into_model()?;
        pet.status = Some(true);
        assert_eq!(value, pet);
        Ok(())
    }

    #[tokio::test]
    async fn additional_properties_subclass() -> TestResult {
        let mut cat = CatApTrue::new(1);
        cat.name = s("Lisa");
        cat.friendly = Some(true);
        cat.additional_properties = puppy_extras();
        let value = client()
            .pets_client()
            .create_cat_ap_true(&cat, None)
            .await?
            .into_model()?;
        cat.status = Some(true);
        assert_eq!(value, cat);
        Ok(())
    }

    #[tokio::test]
    async fn additional_properties_type_object() -> TestResult {
        let mut pet = PetApObject::new(2);
        pet.name = s("Hira");
        pet.additional_properties = object(json!({
            "siblings": [{
                "id": 1,
                "name": "Puppy",
                "birthdate": "2017-12-13T02:29:51Z",
                "complexProperty": { "color": "Red" },
            }],
            "picture": "//////4=",
        }));
        let value = client()
            .pets_client()
            .create_ap_object(&pet, None)
            .await?
            .into_model()?;
        pet.status = Some(true);
        assert_eq!(value, pet);
        Ok(())
    }

    #[tokio::test]
    async fn additional_properties_type_string() -> TestResult {
        let mut pet = PetApString::new(3);
        pet.name = s("Tommy");
        pet.additional_properties = BTreeMap::from([
            ("color".to_string(), "red".to_string()),
            ("weight".to_string(), "10 kg".to_string()),
            ("city".to_string(), "Bombay".to_string()),
        ]);
        let value = client()
            .pets_client()
            .create_ap_string(&pet, None)
            .await?
            .into_model()?;
        pet.status = Some(true);
        assert_eq!(value, pet);
        Ok(())
    }

    fn sizes() -> BTreeMap<String, f64> {
        BTreeMap::from([
            ("height".to_string(), 5.61),
            ("weight".to_string(), 599.0),
            ("footsize".to_string(), 11.5),
        ])
    }

    #[tokio::test]
    async fn additional_properties_in_properties() -> TestResult {
        let mut pet = PetApInProperties::new(4);
        pet.name = s("Bunny");
        pet.additional_properties = Some(sizes());
        let value = client()
            .pets_client()
            .create_ap_in_properties(&pet, None)
            .await?
            .into_model()?;
        pet.status = Some(true);
        assert_eq!(value, pet);
        Ok(())
    }

    #[tokio::test]
    async fn additional_properties_in_properties_with_ap_type_string() -> TestResult {
        let mut pet = PetApInPropertiesWithApString::new("westus".to_string(), 5);
        pet.name = s("Funny");
        pet.additional_properties2 = Some(sizes());
        pet.additional_properties = BTreeMap::from([
            ("color".to_string(), "red".to_string()),
            ("city".to_string(), "Seattle".to_string()),
            ("food".to_string(), "tikka masala".to_string()),
        ]);
        let value = client()
            .pets_client()
            .create_ap_in_properties_with_ap_string(&pet, None)
            .await?
            .into_model()?;
        pet.status = Some(true);
        assert_eq!(value, pet);
        Ok(())
    }
}

/// any-type.json.
mod any_type {
    use super::common::{server, TestResult};
    use conf_any_type::AnythingClient as Client;
    use serde_json::json;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    #[tokio::test]
    async fn get_string_as_anything() -> TestResult {
        let value = client().get_string(None).await?.into_model()?;
        assert_eq!(value, json!("anything"));
        Ok(())
    }

    #[tokio::test]
    async fn put_string_as_anything() -> TestResult {
        client().put_string(&json!("anything"), None).await?;
        Ok(())
    }

    #[tokio::test]
    async fn get_object_as_anything() -> TestResult {
        let value = client().get_object(None).await?.into_model()?;
        assert_eq!(
            value,
            json!({ "message": "An object was successfully returned" })
        );
        Ok(())
    }

    #[tokio::test]
    async fn put_object_as_anything() -> TestResult {
        client().put_object(&json!({ "foo": "bar" }), None).await?;
        Ok(())
    }

    #[tokio::test]
    async fn get_array_as_anything() -> TestResult {
        let value = client().get_array(None).await?.into_model()?;
        assert_eq!(value, json!(["foo", "bar"]));
        Ok(())
    }

    #[tokio::test]
    async fn put_array_as_anything() -> TestResult {
        client().put_array(&json!(["foo", "bar"]), None).await?;
        Ok(())
    }
}

/// object-type.json.
mod object_type {
    use super::common::{no_retry, server, TestResult};
    use conf_object_type::{ObjectTypeClient as Client, ObjectTypeClientOptions};
    use serde_json::json;

    fn client() -> Client {
        let options = ObjectTypeClientOptions {
            client_options: no_retry(),
            ..Default::default()
        };
        Client::new(&server(), Some(options)).expect("a client")
    }

    #[tokio::test]
    async fn object_type_response() -> TestResult {
        let value = client().get(None).await?.into_model()?;
        assert_eq!(
            value,
            json!({ "message": "An object was successfully returned" })
        );
        Ok(())
    }

    #[tokio::test]
    async fn object_type_put() -> TestResult {
        client().put(&json!({ "foo": "bar" }), None).await?;
        Ok(())
    }

    #[tokio::test]
    async fn object_type_error_response() -> TestResult {
        let error = client()
            .put(&json!({ "should": "fail" }), None)
            .await
            .expect_err("the service rejects any other object");
        assert_eq!(error.http_status().map(u16::from), Some(400));
        assert!(
            error
                .to_string()
                .contains("The object you passed was incorrect"),
            "{error}"
        );
        Ok(())
    }
}

/// extensible-enums-swagger.json.
mod extensible_enums {
    use super::common::{server, TestResult};
    use conf_extensible_enums_swagger::clients::PetAddPetOptions;
    use conf_extensible_enums_swagger::models::{DaysOfWeekExtensibleEnum as Days, IntEnum, Pet};
    use conf_extensible_enums_swagger::PetStoreIncClient as Client;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    fn pet(name: &str, days: Days, int_enum: IntEnum) -> Pet {
        let mut pet = Pet::new(int_enum);
        pet.name = Some(name.to_string());
        pet.days_of_week = Some(days);
        pet
    }

    #[tokio::test]
    async fn expected_enum() -> TestResult {
        let value = client()
            .pet_client()
            .get_by_pet_id("tommy", None)
            .await?
            .into_model()?;
        assert_eq!(value, pet("Tommy Tomson", Days::Monday, IntEnum::V1));
        Ok(())
    }

    #[tokio::test]
    async fn unexpected_enum() -> TestResult {
        let value = client()
            .pet_client()
            .get_by_pet_id("casper", None)
            .await?
            .into_model()?;
        assert_eq!(
            value,
            pet(
                "Casper Ghosty",
                Days::UnknownValue("Weekend".to_string()),
                IntEnum::V2
            )
        );
        Ok(())
    }

    #[tokio::test]
    async fn allowed_value_enum() -> TestResult {
        let value = client()
            .pet_client()
            .get_by_pet_id("scooby", None)
            .await?
            .into_model()?;
        assert_eq!(
            value,
            pet(
                "Scooby Scarface",
                Days::Thursday,
                IntEnum::UnknownValue("2.1".to_string())
            )
        );
        Ok(())
    }

    #[tokio::test]
    async fn round_trip_enum() -> TestResult {
        let retriever = pet(
            "Retriever",
            Days::UnknownValue("Weekend".to_string()),
            IntEnum::V3,
        );
        let options = PetAddPetOptions {
            pet_param: Some(&retriever),
            ..Default::default()
        };
        let value = client()
            .pet_client()
            .add_pet(Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, retriever);
        Ok(())
    }
}

/// non-string-enum.json.
mod non_string_enum {
    use super::common::{server, TestResult};
    use conf_non_string_enum::clients::{FloatPutOptions, IntPutOptions};
    use conf_non_string_enum::NonStringEnumsClient as Client;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    #[tokio::test]
    async fn non_string_enums_post_int() -> TestResult {
        let options = IntPutOptions {
            input: Some(&200),
            ..Default::default()
        };
        let value = client()
            .int_client()
            .put(Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, "Nice job posting an int enum");
        Ok(())
    }

    #[tokio::test]
    async fn non_string_enums_get_int() -> TestResult {
        let value = client().int_client().get(None).await?.into_model()?;
        assert_eq!(value, 429);
        Ok(())
    }

    #[tokio::test]
    async fn non_string_enums_post_float() -> TestResult {
        let options = FloatPutOptions {
            input: Some(&200.4),
            ..Default::default()
        };
        let value = client()
            .float_client()
            .put(Some(options))
            .await?
            .into_model()?;
        assert_eq!(value, "Nice job posting a float enum");
        Ok(())
    }

    #[tokio::test]
    async fn non_string_enums_get_float() -> TestResult {
        let value = client().float_client().get(None).await?.into_model()?;
        assert_eq!(value, 429.1);
        Ok(())
    }
}

/// constants.json (only `ConstantClientProperties` is counted).
mod constants {
    use super::common::{no_retry, server, TestResult};
    use conf_constants::models::ContantsPutClientConstantsPathConstant as PathConstant;
    use conf_constants::{
        AutoRestSwaggerConstantServiceClient as Client,
        AutoRestSwaggerConstantServiceClientOptions as ClientOptions,
    };

    #[tokio::test]
    #[ignore = "generator: the client-level constant header `header-constant: true` is never sent"]
    async fn constant_client_properties() -> TestResult {
        let options = ClientOptions {
            client_options: no_retry(),
            ..Default::default()
        };
        let client = Client::new(&server(), 100, PathConstant::Path, Some(options))?;
        let response = client.contants_client().put_client_constants(None).await?;
        assert_eq!(u16::from(response.status()), 200);
        Ok(())
    }
}

/// reserved-words.json.
mod reserved_words {
    use super::common::{server, TestResult};
    use conf_reserved_words::clients::OperationWithUrlOptions;
    use conf_reserved_words::models::MyEnum;
    use conf_reserved_words::ReservedWordsClient as Client;
    use serde_json::json;

    fn client() -> Client {
        Client::new(&server(), None).expect("a client")
    }

    #[tokio::test]
    async fn reserved_words_operation_group_import() -> TestResult {
        let response = client().import_client().operation_one("foo", None).await?;
        assert_eq!(u16::from(response.status()), 200);
        Ok(())
    }

    // reservedWordsBodyNamedContent (application/octet-stream body),
    // reservedWordsBodyNamedData (x-www-form-urlencoded) and reservedWordsBodyNamedFiles
    // (multipart/form-data): the generator emits no operation (see not-hit/models.txt).

    #[tokio::test]
    async fn reserved_words_body_named_json() -> TestResult {
        let response = client()
            .operation_with_json_param(&json!({ "hello": "world" }), None)
            .await?;
        assert_eq!(u16::from(response.status()), 200);
        Ok(())
    }

    #[tokio::test]
    async fn reserved_words_url_header_query() -> TestResult {
        let options = OperationWithUrlOptions {
            query_parameters: Some(vec!["one".to_string(), "two".to_string()]),
            ..Default::default()
        };
        let response = client()
            .operation_with_url("foo", "x-ms-header", Some(options))
            .await?;
        assert_eq!(u16::from(response.status()), 200);
        Ok(())
    }

    #[tokio::test]
    async fn reserved_words_header_enum() -> TestResult {
        let response = client().reserved_enum(&MyEnum::Import, None).await?;
        assert_eq!(u16::from(response.status()), 200);
        Ok(())
    }
}
