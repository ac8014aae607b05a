namespace ContestSite.Web;

/// <summary>
/// A type a folder deliberately offers to other feature folders (a provider interface, a base page, a record they
/// exchange). Any other type of a feature folder is its own business: the architecture test fails when another
/// feature uses it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class ExtensionPointAttribute : Attribute;
