from launch import LaunchDescription
from launch_ros.actions import LifecycleNode, Node


def generate_launch_description():
    return LaunchDescription([
        LifecycleNode(package='camera', executable='camera_node', name='camera', namespace='robot1'),
        Node(package='supervisor', executable='supervisor', namespace='robot1'),
    ])
