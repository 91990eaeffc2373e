//! Enums of wire strings: [`extensible_enum!`](crate::extensible_enum) (unknown values kept)
//! and [`closed_enum!`](crate::closed_enum) (unknown values refused).

use std::fmt;

/// The error of `FromStr` on a closed enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    pub type_name: &'static str,
    pub value: String,
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a value of {}", self.value, self.type_name)
    }
}

impl std::error::Error for ParseEnumError {}

/// An enum whose values the service may add to (`x-ms-enum` `modelAsString`): the
/// known values, and `UnknownValue` keeping any other as sent. Written once here so
/// that each model enum is a few lines: `extensible_enum! { Name { Variant = "value", } }`.
/// (`from_str` names its error type outright: `Self::Err` would be ambiguous in an
/// enum with a variant `Err`.)
#[macro_export]
macro_rules! extensible_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = ""] #[doc = ::std::concat!("On the wire: `", $value, "`.")] $variant,)*
            /// A value this version of the crate does not know, kept as sent.
            UnknownValue(::std::string::String),
        }

        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::UnknownValue(value) => value.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, ::std::convert::Infallible> {
                ::std::result::Result::Ok(match value {
                    $($value => Self::$variant,)*
                    other => Self::UnknownValue(::std::string::ToString::to_string(other)),
                })
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                let ::std::result::Result::Ok(parsed) = value.parse::<Self>();
                ::std::result::Result::Ok(parsed)
            }
        }
    };
}

/// An enum the spec declares closed (`x-ms-enum` `modelAsString: false`, or no
/// `x-ms-enum`): `FromStr` refuses other values, but a response that carries one still
/// reads, the value kept in `UnknownValue` (services add values to closed sets too, and
/// one item's new value must not fail a whole page). `closed_enum! { Name { Variant = "value", } }`.
#[macro_export]
macro_rules! closed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = ""] #[doc = ::std::concat!("On the wire: `", $value, "`.")] $variant,)*
            /// A value outside the set the spec declares, kept as a response sent it.
            UnknownValue(::std::string::String),
        }

        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::UnknownValue(value) => value.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseEnumError;
            fn from_str(value: &str) -> ::std::result::Result<Self, $crate::ParseEnumError> {
                match value {
                    $($value => ::std::result::Result::Ok(Self::$variant),)*
                    other => ::std::result::Result::Err($crate::ParseEnumError {
                        type_name: ::std::stringify!($name),
                        value: ::std::string::ToString::to_string(other),
                    }),
                }
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(match value.parse::<Self>() {
                    ::std::result::Result::Ok(known) => known,
                    ::std::result::Result::Err(_) => Self::UnknownValue(value),
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::extensible_enum! {
        Tier { Basic = "Basic", Premium = "Premium", }
    }
    crate::closed_enum! {
        Action { Allow = "Allow", Deny = "Deny", }
    }

    #[test]
    fn an_extensible_enum_keeps_values_it_does_not_know() {
        let known: Tier = serde_json::from_str(r#""Premium""#).unwrap();
        assert_eq!(known, Tier::Premium);
        let unknown: Tier = serde_json::from_str(r#""Ultra""#).unwrap();
        assert_eq!(unknown, Tier::UnknownValue("Ultra".into()));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), r#""Ultra""#);
        assert_eq!(Tier::Basic.to_string(), "Basic");
        assert_eq!(unknown.as_ref(), "Ultra");
    }

    #[test]
    fn a_closed_enum_parses_only_its_values_and_reads_others_as_unknown() {
        assert_eq!("Deny".parse::<Action>(), Ok(Action::Deny));
        let error = "Maybe".parse::<Action>().unwrap_err();
        assert_eq!(error.to_string(), "`Maybe` is not a value of Action");
        // Read from a response, the value is kept rather than failing the whole body.
        let read: Action = serde_json::from_str(r#""Maybe""#).unwrap();
        assert_eq!(read, Action::UnknownValue("Maybe".into()));
        assert_eq!(serde_json::to_string(&read).unwrap(), r#""Maybe""#);
        assert_eq!(serde_json::to_string(&Action::Allow).unwrap(), r#""Allow""#);
        assert_eq!(Action::Allow.as_ref(), "Allow");
    }
}
