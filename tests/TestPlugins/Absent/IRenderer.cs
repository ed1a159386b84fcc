namespace TestPlugins.Absent;

public interface IRenderer;
