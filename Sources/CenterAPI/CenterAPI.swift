import CenterService
import HTTPServer

/// The HTTP surface of the center.
public enum CenterAPI {}
