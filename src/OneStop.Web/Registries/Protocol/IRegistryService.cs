using System.Text.Json.Nodes;

namespace OneStop.Web.Registries.Protocol;

/// <summary>One query a registry answers (e.g. <c>population.person</c>), whatever the transport.</summary>
public interface IRegistryService
{
    /// <summary>The registry that owns the service: population, enterprise, land, civilStatus, judicial.</summary>
    string Registry { get; }

    /// <summary>The service name the gateway's rights refer to, e.g. <c>population.person</c>.</summary>
    string Name { get; }

    /// <summary>Why <paramref name="subject"/> is not a valid identifier for this service, or null when it is.</summary>
    string? ValidateSubject(string subject);

    /// <summary>The record about <paramref name="subject"/>, or null when the registry holds none.</summary>
    Task<RegistryRecord?> FindAsync(string subject, CancellationToken cancellationToken);
}

/// <summary>A record and the people whose personal data it holds (so each of them sees the access).</summary>
public sealed record RegistryRecord(JsonObject Record, IReadOnlyList<string> DataSubjects);
