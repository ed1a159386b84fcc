namespace SproHub.Shared.Security;

/// <summary>
/// Put on a mediator request: the host refuses it (401 or 403) before validation or handling when the caller
/// lacks the permission in the current territory, so an anonymous caller learns nothing from validation errors.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
