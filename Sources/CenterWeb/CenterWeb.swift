import HTML

/// The pages of the center, served beside the JSON API.
public enum CenterWeb {}
