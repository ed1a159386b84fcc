namespace SproHub.Shared.Security;

/// <summary>
/// Put on a mediator request: the host refuses it (401 or 403) before validation or handling when the caller
/// lacks the permission in the current territory, so an anonymous caller learns nothing from validation errors.
/// Put on a page model, with the permission of the request its form sends: the host refuses the page the same way
/// (sign-in for a visitor, the 403 page for a person without it) before it renders.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
