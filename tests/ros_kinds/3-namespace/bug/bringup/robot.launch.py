from launch import LaunchDescription
from launch_ros.actions import Node


def generate_launch_description():
    return LaunchDescription([
        Node(package='teleop', executable='teleop_node', namespace='robot1'),
        Node(package='base', executable='base_driver', namespace='robot1'),
    ])
