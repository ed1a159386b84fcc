namespace SproHub.Shared.Errors;

/// <summary>Refusals a handler raises; the host turns each into RFC 9457 problem details.</summary>
public abstract class SproException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }
    public abstract string Title { get; }
}

/// <summary>409: the request contradicts the stored state (an overlap, a stale edit, a forbidden transition).</summary>
public sealed class ConflictException(string message, string? rule = null) : SproException(message)
{
    public override int StatusCode => 409;
    public override string Title => "Conflit";
    public string? Rule { get; } = rule;
}

/// <summary>404: unknown, or not visible to the caller.</summary>
public sealed class NotFoundException(string message = "Ressource introuvable.") : SproException(message)
{
    public override int StatusCode => 404;
    public override string Title => "Introuvable";
}

public sealed class ForbiddenException(string message = "Accès refusé.") : SproException(message)
{
    public override int StatusCode => 403;
    public override string Title => "Accès refusé";
}

public sealed class NotAuthenticatedException(string message = "Authentification requise.") : SproException(message)
{
    public override int StatusCode => 401;
    public override string Title => "Non authentifié";
}

/// <summary>A domain rule broken by a field of the request: 400 naming the field and the rule.</summary>
public sealed class RuleViolationException(string field, string rule, string message) : SproException(message)
{
    public override int StatusCode => 400;
    public override string Title => "Requête invalide";
    public string Field { get; } = field;
    public string Rule { get; } = rule;
}
