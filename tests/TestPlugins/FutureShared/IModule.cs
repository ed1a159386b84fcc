namespace SproHub.Shared.Modularity;

/// <summary>The next major contract's module interface, whatever it will hold.</summary>
public interface IModule;
